"""Many documents: inputs from files, folders and tables; a process pool; resumable output."""

from .inputs import Columns, Item, UsageError, items
from .pool import run
from .process import Options, Outcome

__all__ = ["Columns", "Item", "Options", "Outcome", "UsageError", "items", "run"]
