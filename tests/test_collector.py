"""The garbage collector's threshold while factex analyses a text, and after."""

import gc

from factex.collector import NEW_OBJECTS, fewer_collections


def test_threshold_is_raised_within_and_restored_after():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with fewer_collections():
            assert gc.get_threshold() == (NEW_OBJECTS, 10, 10)
            with fewer_collections():  # nested, as a window inside a document
                assert gc.get_threshold()[0] == NEW_OBJECTS
            assert gc.get_threshold()[0] == NEW_OBJECTS
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_collection_switched_off_stays_off_and_errors_restore_it():
    before = gc.get_threshold()
    try:
        gc.set_threshold(0)
        with fewer_collections():
            assert gc.get_threshold()[0] == 0
        gc.set_threshold(700, 10, 10)
        try:
            with fewer_collections():
                raise ValueError("a stage failed")
        except ValueError:
            pass
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
