"""Many units: a batch of inputs built, or checked, together.

:mod:`~reportgen.batch.build` is the build's order (inputs, lock, manifest, workers, outcomes),
:mod:`~reportgen.batch.validate` what ``validate`` reports; :mod:`~reportgen.batch.pool` runs
the units in one process or several, :mod:`~reportgen.batch.output` writes a unit's folder
whole, :mod:`~reportgen.batch.manifest` remembers what each was built from, and
:mod:`~reportgen.batch.outcomes` holds the words the command line shares with the library. The
one-unit code (:mod:`reportgen.unit`) knows nothing of any of them.
"""
