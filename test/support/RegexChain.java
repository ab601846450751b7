import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a chain of regular-expression steps with java.util.regex, the way Lucene's
 * pattern_replace char filter, pattern tokenizer and pattern_replace token filter do, so a test
 * can compare the OpenSearch analyzers' rules with the TypeScript pipeline.
 *
 * Input lines: "R<TAB>pattern<TAB>replacement<TAB>all" (replace; all = 1 for every match),
 * "S<TAB>pattern" (split into tokens, as the pattern tokenizer), then "--", then one input a line.
 * Output: one line per input, its tokens separated by a space.
 */
public class RegexChain {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<String[]> steps = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null && !line.equals("--")) steps.add(line.split("\t", -1));
    List<Pattern> patterns = new ArrayList<>();
    for (String[] s : steps) patterns.add(Pattern.compile(s[1]));
    StringBuilder out = new StringBuilder();
    while ((line = in.readLine()) != null) {
      List<String> tokens = new ArrayList<>();
      tokens.add(line);
      for (int i = 0; i < steps.size(); i++) {
        String[] s = steps.get(i);
        List<String> next = new ArrayList<>();
        for (String t : tokens) {
          if (s[0].equals("S")) {
            for (String part : patterns.get(i).split(t, -1)) if (!part.isEmpty()) next.add(part);
          } else {
            Matcher m = patterns.get(i).matcher(t);
            next.add(s[3].equals("1") ? m.replaceAll(s[2]) : m.replaceFirst(s[2]));
          }
        }
        tokens = next;
      }
      out.append(String.join(" ", tokens)).append('\n');
    }
    System.out.print(new String(out.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    System.out.flush();
  }
}
