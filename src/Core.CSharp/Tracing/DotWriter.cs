using System.Globalization;
using System.Text;

namespace Functional.Tracing;

/// <summary>
/// A program as a Graphviz digraph in the style of seed 001's <c>draw_dot</c>: a record per value
/// (name | value | gradient) and a circle per operation feeding it; guards as dashed diamonds.
/// </summary>
internal static class DotWriter
{
    /// <summary>The graph, with the values and adjoints the program's buffers hold.</summary>
    public static string Write(TraceProgram program)
    {
        var text = new StringBuilder();
        text.AppendLine("digraph trace {");
        text.AppendLine("  rankdir=LR;");
        text.AppendLine("  node [shape=record, fontname=\"Helvetica\"];");

        var used = new bool[program.Slots];
        for (var j = 0; j < program.Length; j++)
        {
            used[program.A[j]] = true;
            if (program.Code[j].IsBinary()) used[program.B[j]] = true;
        }
        foreach (var guard in program.Guards) used[guard.A] = used[guard.B] = true;
        used[program.Result] = true;

        for (var s = 0; s < program.FirstOutput; s++)
        {
            if (s < program.ConstantCount && !used[s]) continue;
            var label = s < program.ConstantCount ? "const" : $"x[{s - program.ConstantCount}]";
            Node(text, program, s, label, s < program.ConstantCount ? "lightgray" : "lightblue");
        }
        for (var j = 0; j < program.Length; j++)
        {
            var s = program.FirstOutput + j;
            Node(text, program, s, $"t{j}", s == program.Result ? "gold" : "white");
            text.AppendLine($"  op{j} [label=\"{Escape(program.OperationName(j))}\", shape=circle, style=filled, fillcolor=lightgray];");
            text.AppendLine($"  op{j} -> n{s};");
            text.AppendLine($"  n{program.A[j]} -> op{j};");
            if (program.Code[j].IsBinary()) text.AppendLine($"  n{program.B[j]} -> op{j};");
        }
        for (var k = 0; k < program.Guards.Length; k++)
        {
            var guard = program.Guards[k];
            var label = $"{guard.Comparison.Symbol()} ({(guard.Outcome ? "true" : "false")} when traced)";
            text.AppendLine($"  guard{k} [label=\"{label}\", shape=diamond, style=dashed];");
            text.AppendLine($"  n{guard.A} -> guard{k} [style=dashed];");
            text.AppendLine($"  n{guard.B} -> guard{k} [style=dashed];");
        }
        text.AppendLine("}");
        return text.ToString();
    }

    private static void Node(StringBuilder text, TraceProgram program, int slot, string name, string color)
    {
        var value = Number(program.Values[slot]);
        var label = slot < program.ConstantCount
            ? $"{{ {Escape(name)} | value {value} }}"
            : $"{{ {Escape(name)} | value {value} | grad {Number(program.Adjoints[slot])} }}";
        text.AppendLine($"  n{slot} [label=\"{label}\", style=filled, fillcolor={color}];");
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Escapes the characters that are special in a record label.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '{' or '}' or '|' or '<' or '>') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
