"""Builds functions/python/dist/<function>.zip for Lambda (python3.11, x86_64).

The zip holds, at its root, the handler module named in the manifest, the project modules it
imports, and the vendored distributions those imports need (with their dependencies). Vendored
wheels are installed once per requirements.txt hash into build/vendor-<hash>. A build whose
inputs are unchanged since the last one is skipped.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import Distribution, distributions
from pathlib import Path, PurePosixPath

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
SRC = HERE / "src"
DIST = HERE / "dist"
BUILD = HERE / "build"
REQUIREMENTS = HERE / "requirements.txt"
RUNTIME = "python"

# Lambda's python3.11 x86_64 environment, for wheels and for dependency markers.
PIP_PLATFORM = ["--platform", "manylinux2014_x86_64", "--only-binary=:all:", "--python-version", "3.11", "--implementation", "cp"]
MARKER_ENV = {
    "python_version": "3.11",
    "python_full_version": "3.11.0",
    "sys_platform": "linux",
    "platform_system": "Linux",
    "platform_machine": "x86_64",
    "os_name": "posix",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "extra": "",
}
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so the same inputs give the same bytes


class BuildError(Exception):
    pass


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def source_closure(module: str) -> tuple[list[Path], set[str]]:
    """Project modules reachable from `module`, and the third-party top-level names they import."""
    if not (SRC / f"{module}.py").is_file():
        raise BuildError(f"{SRC / (module + '.py')}: handler module not found")
    local: dict[str, Path] = {}
    external: set[str] = set()
    pending = [module]
    while pending:
        name = pending.pop()
        if name in local:
            continue
        local[name] = SRC / f"{name}.py"
        for imported in imported_names(local[name]):
            if (SRC / f"{imported}.py").is_file():
                pending.append(imported)
            elif imported not in sys.stdlib_module_names:
                external.add(imported)
    return sorted(local.values()), external


def digest(*parts: bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(hashlib.sha256(part).digest())
    return hasher.hexdigest()


def vendor_dir() -> Path:
    """build/vendor-<hash of requirements.txt>, installed once (to a temp dir, then renamed)."""
    target = BUILD / f"vendor-{digest(REQUIREMENTS.read_bytes())[:16]}"
    if target.is_dir():
        return target
    temp = BUILD / f".{target.name}.{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
               "--target", str(temp), *PIP_PLATFORM, "-r", str(REQUIREMENTS)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        shutil.rmtree(temp, ignore_errors=True)
        raise BuildError(f"pip install -r {REQUIREMENTS} failed:\n{result.stdout}{result.stderr}")
    os.replace(temp, target)
    return target


def _top_level_names(dist: Distribution) -> set[str]:
    names = set()
    for file in dist.files or []:
        first = PurePosixPath(file).parts[0]
        if first == ".." or first.endswith((".dist-info", ".data")) or first == "__pycache__":
            continue
        names.add(re.split(r"\.", first, maxsplit=1)[0] if first.endswith((".py", ".so", ".pyd")) else first)
    return names


def vendored_files(vendor: Path, imports: set[str]) -> dict[str, Path]:
    """Archive name -> file for the distributions providing `imports`, with their dependencies."""
    by_name = {canonicalize_name(d.metadata["Name"]): d for d in distributions(path=[str(vendor)])}
    providers = {top: name for name, dist in by_name.items() for top in _top_level_names(dist)}
    missing = sorted(imports - providers.keys())
    if missing:
        raise BuildError(f"{REQUIREMENTS}: no distribution provides the imported module(s) {', '.join(missing)}")
    pending = [providers[name] for name in imports]
    needed: set[str] = set()
    while pending:
        name = pending.pop()
        if name in needed:
            continue
        needed.add(name)
        for spec in by_name[name].requires or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate(MARKER_ENV):
                dependency = canonicalize_name(requirement.name)
                if dependency not in by_name:
                    raise BuildError(f"{REQUIREMENTS}: {name} needs {dependency}, which is not pinned there")
                pending.append(dependency)
    files: dict[str, Path] = {}
    for name in needed:
        for file in by_name[name].files or []:
            path = PurePosixPath(file)
            if path.parts[0] == ".." or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            files[str(path)] = vendor / path
    return files


def write_zip(destination: Path, files: dict[str, Path]) -> None:
    temp = destination.with_name(f".{destination.name}.{os.getpid()}")
    with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name].read_bytes())
    os.replace(temp, destination)


def write_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}")
    temp.write_text(text)
    os.replace(temp, path)


def build(function: str, module: str) -> str:
    """`module`: the handler module, named after the function whose code this one ships (the manifest
    passes the function's `sourceOf`: warmup ships search)."""
    sources, imports = source_closure(module)
    stamp = digest(Path(__file__).read_bytes(), REQUIREMENTS.read_bytes(), module.encode(),
                   *(path.name.encode() + b"\0" + path.read_bytes() for path in sources))
    artefact = DIST / f"{function}.zip"
    stamp_file = BUILD / f"{function}.stamp"
    relative = artefact.relative_to(REPO_ROOT)
    if artefact.is_file() and stamp_file.is_file() and stamp_file.read_text() == stamp:
        return f"{RUNTIME}/{function}: up to date ({relative})"
    DIST.mkdir(parents=True, exist_ok=True)
    BUILD.mkdir(parents=True, exist_ok=True)
    files = vendored_files(vendor_dir(), imports) if imports else {}
    files.update({path.name: path for path in sources})
    write_zip(artefact, files)
    write_atomically(stamp_file, stamp)
    return f"{RUNTIME}/{function}: built {relative} ({len(files)} files, {artefact.stat().st_size // 1024} KiB)"


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print("usage: build.sh <function> [<module>, default: the function]", file=sys.stderr)
        return 2
    try:
        print(build(argv[0], argv[-1]))
    except BuildError as error:
        print(f"build.sh {argv[0]}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
