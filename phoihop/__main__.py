from phoihop.cli import main

main()
