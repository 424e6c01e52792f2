"""`python -m factex.schema`: print the composed schema (see `compose`); with
`--write`, write it over the shipped `record.json`."""

import json
import sys
from importlib.resources import files

from . import compose

text = json.dumps(compose(), ensure_ascii=False, indent=2) + "\n"
if sys.argv[1:] == ["--write"]:
    path = files("factex.schema").joinpath("record.json")
    with open(str(path), "w", encoding="utf-8") as out:
        out.write(text)
    print(f"wrote {path}")
else:
    print(text, end="")
