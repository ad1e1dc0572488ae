package io.ecsoperator.reconcilers.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * AWS list and describe calls that answer a page at a time with a next-page token. Each page is its
 * own call through the guard (a paginator would hide them from it).
 */
public final class Pages {

  private Pages() {}

  /**
   * The items of every page: {@code page} is called with no token (null), then with each next-page
   * token until there is none (null, or empty as some APIs answer the last page).
   */
  public static <R, T> List<T> all(
      Function<String, R> page, Function<R, List<T>> items, Function<R, String> nextToken) {
    List<T> all = new ArrayList<>();
    String token = null;
    do {
      R response = page.apply(token);
      all.addAll(items.apply(response));
      token = nextToken.apply(response);
    } while (token != null && !token.isEmpty());
    return all;
  }
}
