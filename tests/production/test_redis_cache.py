"""The Redis cache backend keeps one client per connection pool (config/redis_cache.py)."""

from config.redis_cache import RedisCache


def test_each_cache_call_reuses_the_same_client():
    cache = RedisCache("redis://127.0.0.1:6379/14", {})
    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is first
    assert cache._cache.get_client("c", write=True) is first  # one server: reads and writes share its pool


def test_each_server_of_a_replicated_cache_has_its_own_client():
    cache = RedisCache("redis://primary:6379/0,redis://replica:6379/0", {})
    writer = cache._cache.get_client(write=True)
    reader = cache._cache.get_client()
    assert writer is not reader
    assert writer.connection_pool is not reader.connection_pool
    assert cache._cache.get_client() is reader
