return OdeDsl.Cli.CliApplication.Run(args, Console.Out, Console.Error);
