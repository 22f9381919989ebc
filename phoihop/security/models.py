"""No models: the module exists so that ``migrate`` sends this app its ``post_migrate``
signal, on which the database cache table is created."""
