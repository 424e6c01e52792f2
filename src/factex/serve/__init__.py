"""`factex serve`: an HTTP service in front of worker processes that each load the
pipeline once (needs `pip install "factex[serve]"`). See docs/serve.md."""
