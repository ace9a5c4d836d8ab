return Functional.Cli.Cli.Run(args, Console.Out, Console.Error);
