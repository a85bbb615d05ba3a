"""letitout: an offline voice companion that helps a person who needs to cry to let it out."""

__version__ = "0.1.0"
