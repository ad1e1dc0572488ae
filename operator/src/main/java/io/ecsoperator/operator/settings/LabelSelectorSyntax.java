package io.ecsoperator.operator.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a label selector string as Kubernetes parses it (equality-based {@code a=b}, {@code a!=b}
 * and set-based {@code a in (b,c)}, {@code a notin (b)}, {@code a}, {@code !a}), so that a typo
 * stops {@code run} at once with the mistake named instead of every informer failing its list.
 */
final class LabelSelectorSyntax {

  private static final String NAME = "[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
  private static final String PREFIX =
      "[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*";
  private static final String KEY = "(?:" + PREFIX + "/)?" + NAME;
  private static final String VALUE = "(?:" + NAME + ")?";
  private static final Pattern REQUIREMENT =
      Pattern.compile(
          String.join(
              "|",
              "!?\\s*" + KEY,
              KEY + "\\s*(?:==|=|!=)\\s*" + VALUE,
              KEY + "\\s+(?:in|notin)\\s*\\(\\s*" + VALUE + "(?:\\s*,\\s*" + VALUE + ")*\\s*\\)"));

  private LabelSelectorSyntax() {}

  /**
   * @throws IllegalArgumentException naming the requirement that is not valid
   */
  static void check(String selector) {
    if (selector.isBlank()) {
      throw new IllegalArgumentException("the label selector is empty");
    }
    for (String requirement : requirements(selector)) {
      if (!REQUIREMENT.matcher(requirement.strip()).matches()) {
        throw new IllegalArgumentException(
            "label selector \""
                + selector
                + "\": \""
                + requirement.strip()
                + "\" is not a requirement (key=value, key!=value, key in (v1,v2), key notin"
                + " (v1), key, !key; keys and values of at most 63 letters, digits, '-', '_', '.')");
      }
    }
  }

  /** The selector split at the commas that are not inside a value list. */
  private static List<String> requirements(String selector) {
    List<String> requirements = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        requirements.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    requirements.add(selector.substring(start));
    return requirements;
  }
}
