"""Execute report notebooks headlessly with nbclient and the tslab kernel.

Reads one JSON job description on stdin:
  {"jobs": [{"notebook": path, "parameters": source, "cwd": dir}], "concurrency": n,
   "kernel": "tslab", "timeout": seconds}
and writes one JSON object per line on stdout, as events happen:
  {"event": "start", "notebook": path}
  {"event": "done", "notebook": path, "seconds": s, "outputs": [display_data bundles, in order]}
  {"event": "error", "notebook": path, "seconds": s, "cell": index, "firstLine": text,
   "message": text}
Exit status 0 even when a notebook fails: the caller decides; 2 on a bad job description.
"""

import asyncio
import json
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def emit(event):
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


def error_message(cell, exc):
    """The most useful line(s) of what went wrong: ename/evalue, else the stderr the kernel wrote."""
    ename = getattr(exc, "ename", "") or ""
    evalue = getattr(exc, "evalue", "") or ""
    if ename or evalue:
        return f"{ename}: {evalue}".strip(": ")
    stderr = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stderr")
    for line in stderr.splitlines():
        # tslab prints the failing source line first, then "Error: message".
        if "Error" in line or "error" in line:
            return line.strip()
    return (stderr.strip().splitlines() or [str(exc).splitlines()[0] if str(exc) else "cell failed"])[-1]


def display_outputs(nb):
    bundles = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") in ("display_data", "execute_result"):
                bundles.append(output.get("data", {}))
    return bundles


async def run_one(job, kernel, timeout, semaphore):
    async with semaphore:
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
            return
        client = NotebookClient(
            nb,
            kernel_name=kernel,
            timeout=timeout,
            allow_errors=False,
            resources={"metadata": {"path": job["cwd"]}},
        )
        index = -1
        try:
            async with client.async_setup_kernel():
                for index, cell in enumerate(nb.cells):
                    await client.async_execute_cell(cell, index)
        except CellExecutionError as exc:
            cell = nb.cells[index]
            emit({
                "event": "error", "notebook": path, "seconds": time.monotonic() - started,
                "cell": index, "firstLine": first_line(cell.source), "message": error_message(cell, exc),
            })
            return
        except Exception as exc:  # kernel died, timeout, ...
            cell = nb.cells[index] if 0 <= index < len(nb.cells) else None
            emit({
                "event": "error", "notebook": path, "seconds": time.monotonic() - started,
                "cell": index, "firstLine": first_line(cell.source) if cell else "",
                "message": f"{type(exc).__name__}: {exc}".splitlines()[0],
            })
            return
        emit({
            "event": "done", "notebook": path, "seconds": time.monotonic() - started,
            "outputs": display_outputs(nb),
        })


async def main():
    try:
        spec = json.load(sys.stdin)
        jobs = spec["jobs"]
        concurrency = max(1, int(spec.get("concurrency", 2)))
        kernel = spec.get("kernel", "tslab")
        timeout = int(spec.get("timeout", 120))
    except (ValueError, KeyError, TypeError) as exc:
        print(f"execute.py: bad job description on stdin: {exc}", file=sys.stderr)
        return 2
    semaphore = asyncio.Semaphore(concurrency)
    await asyncio.gather(*(run_one(job, kernel, timeout, semaphore) for job in jobs))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
