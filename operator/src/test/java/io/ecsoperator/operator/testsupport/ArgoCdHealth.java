package io.ecsoperator.operator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * Runs the chart's Argo CD health script under a Lua interpreter the way Argo CD does: the object
 * as the global {@code obj} (JSON numbers as Lua numbers), the script's returned table read back.
 */
public final class ArgoCdHealth {

  /** What Argo CD shows. */
  public record Health(String status, String message) {}

  private final String script;

  public ArgoCdHealth(Path script) {
    try {
      this.script = Files.readString(script);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The script shipped in the chart. */
  public static ArgoCdHealth ofChart(Path repoRoot) {
    return new ArgoCdHealth(repoRoot.resolve("charts/ecs-operator/health/argocd-health.lua"));
  }

  public Health evaluate(JsonNode object) {
    Globals globals = JsePlatform.standardGlobals();
    globals.set("obj", toLua(object));
    LuaValue result = globals.load(script, "argocd-health.lua").call();
    return new Health(result.get("status").tojstring(), result.get("message").tojstring());
  }

  private static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        table.set(field.getKey(), toLua(field.getValue()));
      }
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, toLua(node.get(i)));
      }
      return table;
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.asDouble());
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.asBoolean());
    }
    return LuaValue.valueOf(node.asText());
  }
}
