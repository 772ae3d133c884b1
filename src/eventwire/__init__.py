"""eventwire: news articles in, PLOVER political event records out — offline."""

__version__ = "0.1.0"
