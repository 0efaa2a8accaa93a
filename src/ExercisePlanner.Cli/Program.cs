using ExercisePlanner.Cli;

return await PlannerCommandLine.RunAsync(args);
