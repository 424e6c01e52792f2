"""The layers of typed mentions, one module each (see `factex.layers`).

Importing a module registers its layer; the order of `LAYER_MODULES` is the order of the
layers in the record and of their stages. A new kind is one module here with an
`@layer` finder, its word lists in `models/`, its name in `LAYER_MODULES`, and a test
(docs/how-it-works.md, "Add a kind of mention").
"""

from __future__ import annotations

from importlib import import_module

# The modules in the order of their layers (the record's keys follow it).
LAYER_MODULES = (
    "dates", "numbers", "money", "percents", "ages", "times",
    "laws", "awards", "nationalities", "professions", "events",
)  # fmt: skip

for _module in LAYER_MODULES:
    import_module(f"{__name__}.{_module}")  # registers its layer
