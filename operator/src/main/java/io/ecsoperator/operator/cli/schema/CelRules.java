package io.ecsoperator.operator.cli.schema;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRDs' {@code x-kubernetes-validations} rules, evaluated with Google's CEL for Java and the
 * extension libraries the API server offers that our rules use (strings: lowerAscii, replace...;
 * sets; optionals). {@code self} is the value the rule sits on, as plain maps, lists, strings,
 * longs, doubles and booleans.
 */
public final class CelRules {

  /**
   * CEL, built on the first rule compiled: the operator ({@code run}) holds a CliKinds too but
   * never validates a manifest, and CEL with its protobuf runtime is some 700 classes it need not
   * load.
   */
  private static final class Compiler {

    private static final CelOptions OPTIONS =
        CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .enableOptionalSyntax(true)
            .build();

    private static final Cel CEL =
        CelFactory.standardCelBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(
                CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.optional())
            .addRuntimeLibraries(
                CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.optional())
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .build();
  }

  /** A compiled rule; the API server's compile errors are a broken CRD, not a bad manifest. */
  public record Rule(String expression, CelRuntime.Program program, boolean transition) {}

  private final Map<String, Rule> compiled = new ConcurrentHashMap<>();

  /** Compiles a rule once; throws when the expression is not valid CEL for these libraries. */
  public Rule compile(String expression) {
    return compiled.computeIfAbsent(expression, CelRules::doCompile);
  }

  private static Rule doCompile(String expression) {
    try {
      CelAbstractSyntaxTree ast = Compiler.CEL.compile(expression).getAst();
      return new Rule(expression, Compiler.CEL.createProgram(ast), referencesOldSelf(ast));
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException(
          "CRD rule does not compile: " + expression + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the rule is a transition rule: like the API server, one that reads {@code oldSelf}
   * applies only to updates, which a manifest on its own does not have.
   */
  private static boolean referencesOldSelf(CelAbstractSyntaxTree ast) {
    return CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .anyMatch(
            node ->
                node.getKind() == CelExpr.ExprKind.Kind.IDENT
                    && node.expr().ident().name().equals("oldSelf"));
  }

  /**
   * Evaluates a rule on {@code self}.
   *
   * @return null when it holds, else why not (false, or the evaluation error)
   */
  public String failure(Rule rule, Object self) {
    try {
      Object result = rule.program().eval(Map.of("self", self));
      return Boolean.TRUE.equals(result) ? null : "false";
    } catch (CelEvaluationException e) {
      return e.getMessage();
    }
  }
}
