namespace Functional.Cli;

/// <summary>Bad input from the user: reported as one line on standard error, never a stack trace.</summary>
/// <param name="message">What is wrong and, where it helps, how to fix it (one line).</param>
internal sealed class InputException(string message) : Exception(message);
