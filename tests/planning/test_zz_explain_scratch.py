import time
from django.db import connection
from django.test.utils import CaptureQueriesContext
from planning.entries import ContentCalendar
from tests.planning.test_query_count import add_entries
import datetime


def test_explain(world, soon, ministry_user):
    add_entries(world, ministry_user, 1000, soon)
    cal = ContentCalendar(ministry_user)
    with CaptureQueriesContext(connection) as q:
        t = time.time()
        cal.entries(soon - datetime.timedelta(days=1), soon + datetime.timedelta(days=2))
        print("entries", time.time() - t)
        t = time.time()
        cal.open_reviews()
        print("reviews", time.time() - t)
    with connection.cursor() as c:
        for query in q.captured_queries:
            t = time.time()
            c.execute("EXPLAIN ANALYZE " + query["sql"])
            plan = "\n".join(r[0] for r in c.fetchall())
            print("=" * 80, "\n", query["sql"][:3000], "\n", plan[-6000:])
