"""Benchmarks of the article extractor: quality on the hand-annotated corpus, and speed."""
