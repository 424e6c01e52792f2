"""`python -m factex.schema`: print the composed schema (see `compose`)."""

import json

from . import compose

print(json.dumps(compose(), ensure_ascii=False, indent=2))
