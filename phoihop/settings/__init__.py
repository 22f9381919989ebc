"""Settings: ``base`` (shared), ``dev`` (the embedded default), ``test`` and ``production``."""
