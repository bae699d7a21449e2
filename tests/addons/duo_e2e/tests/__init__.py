from . import test_navigation
from . import test_full_cycle
from . import test_crawl
from . import test_erasure_scan
from . import test_sensitive_fields
from . import test_need_to_know
from . import test_demo_identity
