"""Execute report notebooks headlessly with nbclient and the tslab kernel.

Reads two JSON lines on stdin:
  {"concurrency": n, "kernel": "tslab", "timeout": seconds, "reuseKernels": true, "cwd": dir,
   "prestart": k}      -- k kernels start at once, before the jobs are known
  {"jobs": [{"notebook": path, "parameters": source, "cwd": dir}]}   -- empty: stop and exit
Up to `concurrency` kernels run at once. With reuseKernels, each kernel runs notebooks one after the
other (a tslab kernel takes seconds to start; the notebooks redeclare everything they use); a
kernel that saw a failing cell is replaced. Without it, every notebook gets a fresh kernel.
and writes one JSON object per line on stdout, as events happen:
  {"event": "start", "notebook": path}
  {"event": "done", "notebook": path, "seconds": s, "outputs": [display_data bundles, in order]}
  {"event": "error", "notebook": path, "seconds": s, "cell": index, "firstLine": text,
   "message": text}
Exit status 0 even when a notebook fails: the caller decides; 2 on bad input.
"""

import asyncio
import json
import os
import re
import subprocess
import sys
import time

# jsonschema (which nbformat loads) imports rfc3987_syntax when it is installed, as JupyterLab's
# dependencies have it, and that module builds a grammar as it loads: 0.9 s of CPU at the start of
# every report build, while the kernels start and the datasets are checked. The notebook schema checks
# no IRI format, so this process goes without it (an import of None is an ImportError, which
# jsonschema expects).
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402
from jupyter_client.manager import AsyncKernelManager  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError  # noqa: E402


def emit(event):
    # A kernel that shared this pipe could have made it non-blocking (Node does so to its stdio), and
    # a large event would then be written in part: keep it blocking.
    os.set_blocking(sys.stdout.fileno(), True)
    sys.stdout.write(json.dumps(event, sort_keys=True) + "\n")
    sys.stdout.flush()


def inject_parameters(nb, source):
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            cell.source = source
            return
    raise ValueError("no cell tagged 'parameters'")


def first_line(source):
    for line in source.splitlines():
        if line.strip():
            return line.strip()
    return ""


ERROR_LINE = re.compile(r"^[\w.]*(Error|Exception)\b.*:")


def error_message(cell, exc):
    """What went wrong, in one line: the kernel's stderr (tslab reports errors there, with an empty
    evalue), else ename/evalue."""
    stderr = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stderr")
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if ERROR_LINE.match(line):
            return line
    for line in lines:
        # tslab's compile errors: "1:7 - Cannot find name 'x'."; skip the echoed source location.
        if not line.startswith("evalmachine") and set(line) != {"^"}:
            return line
    ename = getattr(exc, "ename", "") or ""
    evalue = getattr(exc, "evalue", "") or ""
    return f"{ename}: {evalue}".strip(": ") or "cell failed"


def display_outputs(nb):
    bundles = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") in ("display_data", "execute_result"):
                bundles.append(output.get("data", {}))
    return bundles


class Kernel:
    """One tslab kernel; with `reuse`, it runs several notebooks one after the other."""

    def __init__(self, kernel_name, cwd):
        self.kernel_name = kernel_name
        self.cwd = cwd
        self.km = None
        self.kc = None
        self.starting = None

    def start(self, timeout):
        """Starts the kernel in the background (idempotent); await ensure_started for it to be ready."""
        if self.starting is None:
            self.starting = asyncio.ensure_future(self._start(timeout))
        return self.starting

    async def _start(self, timeout):
        self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        # The kernel's own stdout is not ours: our events go there.
        await self.km.start_kernel(cwd=self.cwd, stdout=subprocess.DEVNULL)
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=timeout)

    async def ensure_started(self, timeout):
        await self.start(timeout)

    async def stop(self):
        if self.starting is not None:
            try:
                await self.starting
            except Exception:
                pass
            self.starting = None
        if self.km is not None:
            self.kc.stop_channels()
            await self.km.shutdown_kernel(now=True)
            self.km = None
            self.kc = None


async def run_one(job, kernel, timeout):
    path = job["notebook"]
    emit({"event": "start", "notebook": path})
    started = time.monotonic()
    try:
        nb = nbformat.read(path, as_version=4)
        inject_parameters(nb, job["parameters"])
    except Exception as exc:
        emit({
            "event": "error", "notebook": path, "seconds": time.monotonic() - started,
            "cell": -1, "firstLine": "", "message": f"cannot prepare notebook: {exc}",
        })
        return False
    index = -1
    kernel_ready = started
    try:
        await kernel.ensure_started(timeout)
        kernel_ready = time.monotonic()
        client = NotebookClient(nb, km=kernel.km, timeout=timeout, allow_errors=False)
        client.kc = kernel.kc
        async with client.async_setup_kernel():
            for index, cell in enumerate(nb.cells):
                await client.async_execute_cell(cell, index)
    except CellExecutionError as exc:
        cell = nb.cells[index]
        emit({
            "event": "error", "notebook": path, "seconds": time.monotonic() - started,
            "cell": index, "firstLine": first_line(cell.source), "message": error_message(cell, exc),
        })
        return False
    except Exception as exc:  # kernel died, timeout, ...
        cell = nb.cells[index] if 0 <= index < len(nb.cells) else None
        emit({
            "event": "error", "notebook": path, "seconds": time.monotonic() - started,
            "cell": index, "firstLine": first_line(cell.source) if cell else "",
            "message": f"{type(exc).__name__}: {exc}".splitlines()[0],
        })
        return False
    emit({
        "event": "done", "notebook": path, "seconds": time.monotonic() - started,
        "kernelSeconds": kernel_ready - started, "outputs": display_outputs(nb),
    })
    return True


async def worker(queue, kernel_name, timeout, reuse, kernel=None):
    try:
        while not queue.empty():
            job = queue.get_nowait()
            if kernel is None:
                kernel = Kernel(kernel_name, job["cwd"])
            ok = await run_one(job, kernel, timeout)
            # A kernel that saw a failure, or isolation asked for, is not reused.
            if not ok or not reuse:
                await kernel.stop()
                kernel = None
    finally:
        if kernel is not None:
            await kernel.stop()


async def read_json_line():
    line = await asyncio.to_thread(sys.stdin.readline)
    return json.loads(line)


async def main():
    # Line 1: settings (kernels can start now); line 2: the jobs (sent once the caller knows them).
    try:
        config = await read_json_line()
        concurrency = max(1, int(config.get("concurrency", 2)))
        kernel_name = config.get("kernel", "tslab")
        timeout = int(config.get("timeout", 120))
        reuse = bool(config.get("reuseKernels", True))
        prestarted = [Kernel(kernel_name, config["cwd"]) for _ in range(min(int(config.get("prestart", 0)), concurrency))]
    except (ValueError, KeyError, TypeError) as exc:
        print(f"execute.py: bad settings on stdin: {exc}", file=sys.stderr)
        return 2
    for kernel in prestarted:
        kernel.start(timeout)
    try:
        jobs = (await read_json_line())["jobs"]
    except (ValueError, KeyError, TypeError) as exc:
        print(f"execute.py: bad job list on stdin: {exc}", file=sys.stderr)
        jobs = None
    if not jobs:
        await asyncio.gather(*(kernel.stop() for kernel in prestarted))
        return 0 if jobs == [] else 2
    queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    workers = min(concurrency, len(jobs))
    await asyncio.gather(*(
        worker(queue, kernel_name, timeout, reuse, prestarted[i] if i < len(prestarted) else None)
        for i in range(workers)
    ))
    await asyncio.gather(*(kernel.stop() for kernel in prestarted[workers:]))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
