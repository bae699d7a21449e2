from . import test_navigation
from . import test_full_cycle
from . import test_crawl
