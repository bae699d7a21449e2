"""Files for the Belgian tax administration's Belcotax-on-web, written from plain data (no
Odoo in here): one small writer interface, one writer per file format."""

from .writer import (  # noqa: F401
    TREATMENT_CANCELLATION,
    TREATMENT_CORRECTION,
    TREATMENT_ORIGINAL,
    BelcotaxError,
    BelcotaxWriter,
    Issuer,
    Receipt,
    Sending,
    get_writer,
)
from . import xml_281_71  # noqa: F401  (registers the XML writer)
