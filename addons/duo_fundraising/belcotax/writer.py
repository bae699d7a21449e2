from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date

TREATMENT_ORIGINAL = "original"
TREATMENT_CORRECTION = "correction"
TREATMENT_CANCELLATION = "cancellation"

_WRITERS = {}


class BelcotaxError(ValueError):
    """A sending that cannot be written; the message says what to fix."""


@dataclass(frozen=True)
class Issuer:
    """The organisation that issues the receipts (and sends the file itself)."""

    name: str
    company_number: str
    street: str
    zip: str
    city: str
    contact: str
    phone: str
    email: str
    language: str = "fr"  # nl, fr or de: the language the administration answers in


@dataclass(frozen=True)
class Receipt:
    """One tax receipt (form 281.71) as filed: its order number, the donor and the amount."""

    number: int
    amount_cents: int
    last_name: str
    first_names: str
    street: str
    zip: str
    city: str
    country_code: str = "BE"
    national_number: str = ""
    reference: str = ""
    treatment: str = TREATMENT_ORIGINAL


@dataclass(frozen=True)
class Sending:
    """One file: the receipts of one income year of one issuer. A corrective sending
    carries corrections and cancellations of receipts filed in the sending
    ``corrected_reference``."""

    year: int
    issuer: Issuer
    receipts: tuple
    test: bool = False
    corrective: bool = False
    corrected_reference: str = ""
    created: date = field(default_factory=date.today)

    # The control totals every format carries, computed in one place.
    @property
    def record_count(self):
        return len(self.receipts)

    @property
    def number_total(self):
        return sum(receipt.number for receipt in self.receipts)

    @property
    def amount_total_cents(self):
        return sum(receipt.amount_cents for receipt in self.receipts)


class BelcotaxWriter(ABC):
    """Turns a :class:`Sending` into the bytes of one file. Register a writer for a new
    format (Belcotax-on-web 2.0's JSON Lines) with :func:`register`."""

    code = None
    extension = None
    mimetype = None

    @abstractmethod
    def render(self, sending):
        """The file's content (bytes); raises :class:`BelcotaxError` on unusable data."""

    def filename(self, sending):
        kind = "correction" if sending.corrective else "original"
        test = "-test" if sending.test else ""
        return f"belcotax-281.71-{sending.year}-{kind}{test}.{self.extension}"


def register(writer_class):
    _WRITERS[writer_class.code] = writer_class
    return writer_class


def get_writer(code):
    try:
        return _WRITERS[code]()
    except KeyError:
        raise BelcotaxError(f"No Belcotax writer for the format {code!r}.") from None
