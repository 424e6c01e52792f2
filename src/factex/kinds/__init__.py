"""The layers of typed mentions, one module each (see `factex.layers`).

Importing a module registers its layer; the order of the imports is the order
of the layers in the record and of their stages. A new kind is one module here
with an `@layer` finder, its word lists in `models/`, its name in the import
below, and a test (docs/how-it-works.md, "Add a kind of mention").
"""

from __future__ import annotations

from . import dates, numbers  # noqa: F401 (registers)
