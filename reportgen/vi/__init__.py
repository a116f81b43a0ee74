"""Vietnamese for reportgen: numbers, money, number words, dates, lists, parsing.

The language rules (see ``docs/vietnamese.md`` and ``docs/figures.md``), bound to the "vi" way
of writing once and for all: ``.`` between thousands, ``,`` before decimals, half-up rounding,
Decree 30/2020/NĐ-CP dates. The templates reach them as filters, all registered in one table
(:data:`reportgen.filters.FILTERS`); :mod:`reportgen.vi.parsing` is the input side, reading
what secretaries type.
"""
