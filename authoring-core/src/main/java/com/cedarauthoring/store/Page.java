package com.cedarauthoring.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list and the token of the next page, if there is one. */
public record Page<T>(List<T> items, Optional<String> nextToken) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from rows fetched with {@code LIMIT maxResults + 1}: the extra row only tells
     * whether a next page exists.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, PageRequest request) {
        if (rows.size() > request.maxResults()) {
            List<T> items = rows.subList(0, request.maxResults());
            return new Page<>(items, Optional.of(request.tokenAfter(items.size())));
        }
        return new Page<>(rows, Optional.empty());
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextToken);
    }
}
