"""The live preview: one unit's pages in a browser, rebuilt as the secretary types.

:mod:`~reportgen.preview.site` builds the pages (HTML only) into a private folder and rebuilds
them whenever one of the unit's inputs or a template changes; :mod:`~reportgen.preview.server`
serves that folder on 127.0.0.1 and reloads the browser after each rebuild.
"""
