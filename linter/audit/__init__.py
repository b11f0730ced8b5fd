"""`factlint audit`: lint a whole archive into an SQLite database, resumably, on local processes or Dask.

    archive.py   the drafts of archive folders or of a git revision, streamed with their bytes
    batch.py     the worker side: one batch of drafts -> one record per draft (pure, picklable)
    schema.py    the database's schema and its version
    store.py     what is already stored, and writing each batch's records as it completes
    runners.py   local processes or a Dask cluster, with a bounded number of batches in flight
    progress.py  files done, files/s and time left on a terminal
    command.py   the subcommand's options and the run that ties the above together
"""
