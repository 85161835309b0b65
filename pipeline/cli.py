"""`python -m pipeline COMMAND`: the command line.

    extract PATH [PATH...] [--format csv|json]   print the claims read from article files
    check [PATH...]                              validate raw inputs without building anything
    release                                      build every asset through Dagster and publish
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="print the claims read from article files")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="article .txt files")
    extract.add_argument("--format", choices=["csv", "json"], default="csv")

    check = commands.add_parser("check", help="validate raw inputs without building anything")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: data/raw/)")

    commands.add_parser("release", help="materialise every asset through Dagster and write a release")

    args = parser.parse_args(argv)
    if args.command == "extract":
        from pipeline.extract.command import run

        return run(args.paths, args.format)
    if args.command == "check":
        from pipeline.validate import run

        return run(args.paths)
    from pipeline.release.command import run

    return run()


if __name__ == "__main__":
    sys.exit(main())
