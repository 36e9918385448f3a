from zhqa.cli import run

run()
