import TaleCLI
TaleCommand.main()
