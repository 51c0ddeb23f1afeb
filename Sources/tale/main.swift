import TaleCLI

await TaleCommand.runFromCommandLine()
