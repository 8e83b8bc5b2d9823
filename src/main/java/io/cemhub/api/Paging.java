package io.cemhub.api;

/** Offset/limit paging of listings; the total travels in the X-Total-Count header (TMF style). */
final class Paging {

    static final String TOTAL_COUNT = "X-Total-Count";
    static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    static int offset(int offset) {
        if (offset < 0) {
            throw new InvalidBodyException("offset must be 0 or more, not " + offset, java.util.List.of());
        }
        return offset;
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidBodyException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit,
                    java.util.List.of());
        }
        return limit;
    }
}
