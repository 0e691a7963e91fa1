"""LibreOffice as the converter: PDF and Word 97 output, .doc/.wps input.

Optional at run time: without LibreOffice, these conversions raise
:class:`~greendocs.errors.ConversionError` saying how to install it. LibreOffice runs
headless with a private profile folder (so concurrent runs never share state) and no
restore or first-start dialogs.

Where a Python with LibreOffice's ``uno`` module is found (Debian's ``python3-uno``), one
LibreOffice is kept warm and converts document after document over UNO
(``uno_worker.py``), each conversion with its own time limit; it is started again when it
dies, or after :attr:`LibreOffice.max_documents` documents, and stopped by
:meth:`LibreOffice.close` (or when the object goes). Without one, each batch is converted
by one ``soffice --convert-to`` process.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import warnings
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import ConversionError, GreenDocsWarning
from .formats import FILTERS

INSTALL_HINT = ("install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui "
                "libreoffice-calc-nogui fonts-noto-cjk) or set GREENDOCS_SOFFICE to the "
                "soffice program")
_CANDIDATES = ("soffice", "libreoffice")
_KNOWN_PLACES = ("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                 "/Applications/LibreOffice.app/Contents/MacOS/soffice")


_SERIF, _SANS, _KAI = "Noto Serif CJK SC", "Noto Sans CJK SC", ("AR PL UKai CN", "LXGW WenKai")
#: the fonts the documents name (those of Chinese Windows and WPS) and the installed faces
#: LibreOffice draws them with where they are missing, the first installed of each list:
#: the Simplified Chinese ones of fonts-noto-cjk (a serif for 仿宋/宋体 and 小标宋, a sans for
#: 黑体), never the Japanese faces fontconfig would otherwise pick; a Kai face for 楷体
#: (fonts-arphic-ukai or fonts-lxgw-wenkai); Times New Roman's metric twin.
FONT_REPLACEMENTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("仿宋", "FangSong", "仿宋_GB2312", "宋体", "SimSun", "方正小标宋简体",
                     "小标宋"), (_SERIF,)),
    **dict.fromkeys(("楷体", "KaiTi", "楷体_GB2312"), (*_KAI, _SERIF)),
    **dict.fromkeys(("黑体", "SimHei", "微软雅黑", "Microsoft YaHei"), (_SANS,)),
    "Times New Roman": ("Liberation Serif",),
}
#: what to install when the faces above are missing (Debian/Ubuntu packages)
FONT_PACKAGES = "fonts-noto-cjk fonts-arphic-ukai fonts-liberation2"


def missing_font_note(installed: frozenset[str] | None) -> str | None:
    """What the PDF loses on a machine whose fonts are *installed* (None when unknown):
    a sentence for the console, or None when a Chinese serif face is there."""
    if installed is None or _SERIF in installed or "仿宋" in installed or "宋体" in installed:
        return None
    return (f"no Chinese serif font is installed ({_SERIF}), so the PDF's 仿宋 and 宋体 text "
            f"is drawn with another face; install {FONT_PACKAGES}")


def installed_fonts() -> frozenset[str] | None:
    """The font families installed (``fc-list``), or None when that cannot be told."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True,
                             timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(","))


def _replacements(installed: frozenset[str] | None) -> Iterator[tuple[str, str]]:
    for name, faces in FONT_REPLACEMENTS.items():
        if installed is None:
            yield name, faces[0]
            continue
        face = next((face for face in faces if face in installed), None)
        if name not in installed and face is not None:
            yield name, face


def profile_settings(installed: frozenset[str] | None = None) -> str:
    """The settings written into each conversion's private profile: the font replacement
    table, for the fonts of *installed* (``fc-list``'s families; all when None) that the
    documents name but the machine lacks. Fontconfig would otherwise draw them with its
    first CJK face, which is Japanese."""
    pairs = "".join(
        f'<node oor:name="gd{i}" oor:op="replace">'
        '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
        '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
        f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{name}</value></prop>'
        f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{face}</value></prop></node>'
        for i, (name, face) in enumerate(_replacements(installed)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
            '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>'
            '<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">'
            f'{pairs}</item></oor:items>\n')


def find_soffice() -> str | None:
    """The LibreOffice program: ``$GREENDOCS_SOFFICE``, then PATH, then usual places."""
    configured = os.environ.get("GREENDOCS_SOFFICE")
    if configured:
        return configured if Path(configured).exists() else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _KNOWN_PLACES if Path(p).exists()), None)


_WORKER = Path(__file__).with_name("uno_worker.py")


def find_uno_python(soffice: str) -> str | None:
    """A Python that can import LibreOffice's ``uno``: ``$GREENDOCS_UNO_PYTHON``, then
    LibreOffice's own (``program/python``), then the system ``python3``; None when none can
    (``GREENDOCS_UNO_PYTHON=none`` turns the warm LibreOffice off)."""
    configured = os.environ.get("GREENDOCS_UNO_PYTHON")
    if configured == "none":
        return None
    program = Path(soffice).resolve().parent
    candidates = [configured] if configured else [
        str(program / "python"), str(program / "python.exe"), "/usr/bin/python3",
        shutil.which("python3")]
    for python in candidates:
        if not python or not Path(python).exists():
            continue
        try:
            probe = subprocess.run([python, "-P", "-c", "import uno"], capture_output=True,
                                   timeout=60)
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0:
            return python
    return None


class _Stopped(Exception):
    """The warm LibreOffice died or did not answer in time (and was stopped)."""


class _WarmOffice:
    """One LibreOffice kept running, driven by ``uno_worker.py`` over a pipe."""

    def __init__(self, python: str, soffice: str, profile: Path, start_timeout: float) -> None:
        # LibreOffice's messages, kept while it runs (closed by kill())
        self._log = tempfile.TemporaryFile()  # noqa: SIM115
        self.proc = subprocess.Popen(
            [python, "-P", str(_WORKER), soffice, profile.as_uri(),
             f"greendocs-{os.getpid()}-{os.urandom(6).hex()}"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
            start_new_session=True, env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"})
        self.converted = 0
        self._answer(start_timeout, "starting")

    def _answer(self, timeout: float, what: str) -> dict[str, Any]:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else b""
        if not line:
            if ready:  # LibreOffice ended: what it said last
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.proc.wait(timeout=10)
            self._log.seek(0)
            detail = self._log.read().decode("utf-8", "replace").strip().splitlines()[-1:]
            self.kill()
            raise _Stopped(f"{what}: LibreOffice " + (
                f"took longer than {timeout:g} s and was stopped" if not ready else
                f"stopped ({detail[0] if detail else 'no output'})"))
        answer: dict[str, Any] = json.loads(line)
        return answer

    def convert(self, src: Path, dst: Path, filter_name: str, input_filter: str | None,
                timeout: float, what: str) -> str | None:
        """Convert *src* into *dst*; None, or the document's problem. :class:`_Stopped`
        when LibreOffice died or took longer than *timeout* seconds."""
        assert self.proc.stdin is not None
        job = {"input": str(src.resolve()), "output": str(dst.resolve()),
               "filter": filter_name, "input_filter": input_filter}
        try:
            self.proc.stdin.write(json.dumps(job).encode() + b"\n")
            self.proc.stdin.flush()
        except OSError:
            self.kill()
            raise _Stopped(f"{what}: LibreOffice had stopped") from None
        answer = self._answer(timeout, what)
        self.converted += 1
        return None if answer.get("ok") else str(answer.get("error") or "failed")

    def close(self) -> None:
        """Stop LibreOffice: end of input, then the process group killed if it lingers."""
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.close()
                self.proc.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()
        self.proc.wait()
        self._log.close()


def _stop(state: dict[str, Any]) -> None:
    """Stop a LibreOffice's warm process and remove its profile (also when it is lost) —
    in the process that started it only: a child forked since (a worker of the roll-up)
    leaves its parent's LibreOffice alone."""
    if state.get("pid", os.getpid()) != os.getpid():
        return  # (its profile folder too is the parent's: nothing is dropped here)
    office = state.pop("office", None)
    if office is not None:
        office.close()
    profile = state.pop("profile", None)
    if profile is not None:
        profile.cleanup()


class LibreOffice:
    """A headless LibreOffice used for conversions; a context manager that stops its warm
    process (see the module's notes) on leaving.

    *timeout* is the time limit of one conversion (of a whole batch where no warm process
    can be kept); *max_documents* how many documents one warm process converts before it
    is started again (LibreOffice's memory grows with each).
    """

    def __init__(self, executable: str | None = None, timeout: float = 180, *,
                 max_documents: int = 200) -> None:
        exe = executable or find_soffice()
        if exe is None:
            raise ConversionError(f"LibreOffice is not installed; {INSTALL_HINT}",
                                  zh="未安装LibreOffice")
        self.executable = exe
        self.timeout = timeout
        self.max_documents = max_documents
        self._fonts: frozenset[str] | None = None  # installed families, once looked up
        self._uno_python: str | bool | None = False  # not looked for yet
        self._state: dict[str, Any] = {}  # the warm process and its profile
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _stop, self._state)

    def __enter__(self) -> LibreOffice:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the warm LibreOffice, if one runs (the next conversion starts another)."""
        with self._lock:
            _stop(self._state)

    def _font_settings(self, target: str) -> str:
        """The profile's settings (the font replacements), warning once when the PDF will
        lack a Chinese serif face."""
        if self._fonts is None:
            found = installed_fonts()
            note = missing_font_note(found) if target == "pdf" else None
            if note:
                warnings.warn(note, GreenDocsWarning, stacklevel=3)
            self._fonts = found or frozenset()
        return profile_settings(self._fonts)

    def _warm(self, target: str) -> _WarmOffice | None:
        """The warm LibreOffice, started if need be; None where none can be kept."""
        if self._uno_python is False:
            self._uno_python = find_uno_python(self.executable)
        if not isinstance(self._uno_python, str):
            return None
        office: _WarmOffice | None = self._state.get("office")
        if office is not None and (office.proc.poll() is not None
                                   or office.converted >= self.max_documents):
            _stop(self._state)
            office = None
        if office is None:
            profile = tempfile.TemporaryDirectory(prefix="greendocs-lo-profile-")
            self._state["profile"] = profile
            user = Path(profile.name) / "user"
            user.mkdir()
            (user / "registrymodifications.xcu").write_text(self._font_settings(target),
                                                            encoding="utf-8")
            try:
                office = _WarmOffice(self._uno_python, self.executable, Path(profile.name),
                                     self.timeout)
            except _Stopped as exc:
                _stop(self._state)
                raise ConversionError(str(exc), zh="LibreOffice无法启动") from None
            self._state["office"] = office
            self._state["pid"] = os.getpid()
        return office

    @classmethod
    def available(cls) -> bool:
        """Whether a LibreOffice program can be found."""
        return find_soffice() is not None

    def convert(self, data: bytes, suffix: str, target: str, *,
                input_filter: str | None = None, source: str = "document") -> bytes:
        """Convert one document given as bytes (*suffix* tells LibreOffice its kind)."""
        with tempfile.TemporaryDirectory(prefix="greendocs-lo-") as tmp:
            src = Path(tmp) / f"input{suffix}"
            src.write_bytes(data)
            out = self.convert_files([src], target, Path(tmp) / "out",
                                     input_filter=input_filter, source=source)
            return out[0].read_bytes()

    def convert_files(self, files: Sequence[Path], target: str, outdir: Path, *,
                      input_filter: str | None = None, source: str | None = None
                      ) -> list[Path]:
        """Convert *files* into *outdir* with one LibreOffice process (the warm one, when it
        can be kept); the new files' paths, ``<stem>.<target>``."""
        if target not in FILTERS:
            raise ConversionError(f"cannot convert to {target!r}; targets: "
                                  f"{', '.join(FILTERS)}")
        outdir.mkdir(parents=True, exist_ok=True)
        with self._lock:  # one conversion at a time through the warm process
            if self._warm(target) is not None:
                return [self._convert_warm(f, target, outdir, input_filter, source or f.name)
                        for f in files]
        with tempfile.TemporaryDirectory(prefix="greendocs-lo-profile-") as profile:
            user = Path(profile) / "user"
            user.mkdir()
            (user / "registrymodifications.xcu").write_text(self._font_settings(target),
                                                            encoding="utf-8")
            cmd = [self.executable, f"-env:UserInstallation={Path(profile).as_uri()}",
                   "--headless", "--invisible", "--norestore", "--nolockcheck",
                   "--nodefault", "--nologo"]
            if input_filter:
                cmd.append(f"--infilter={input_filter}")
            cmd += ["--convert-to", FILTERS[target], "--outdir", str(outdir),
                    *map(str, files)]
            self._run(cmd, source or ", ".join(f.name for f in files))
        results = []
        for f in files:
            produced = outdir / f"{f.stem}.{target}"
            if not produced.exists():
                raise ConversionError(f"{source or f}: LibreOffice could not convert it to "
                                      f"{target} (is it damaged?)",
                                      zh="LibreOffice无法转换该文件（文件可能已损坏）")
            results.append(produced)
        return results

    def _convert_warm(self, src: Path, target: str, outdir: Path, input_filter: str | None,
                      what: str) -> Path:
        """*src* converted by the warm LibreOffice, started again once if it had died."""
        produced = outdir / f"{src.stem}.{target}"
        produced.unlink(missing_ok=True)
        filter_name = FILTERS[target].partition(":")[2]
        for attempt in (1, 2):
            office = self._warm(target)
            assert office is not None
            try:
                problem = office.convert(src, produced, filter_name, input_filter,
                                         self.timeout, what)
                break
            except _Stopped as exc:
                _stop(self._state)
                timed_out = "longer than" in str(exc)
                if attempt == 2 or timed_out:  # a document that hangs is not tried again
                    raise ConversionError(
                        str(exc), zh=f"LibreOffice处理超过{self.timeout:g}秒，已停止"
                        if timed_out else "LibreOffice意外停止") from None
        if problem is not None or not produced.exists():
            raise ConversionError(f"{what}: LibreOffice could not convert it to {target} "
                                  f"(is it damaged?){f': {problem}' if problem else ''}",
                                  zh="LibreOffice无法转换该文件（文件可能已损坏）")
        return produced

    def _run(self, cmd: list[str], what: str) -> None:
        env = {**os.environ, "SAL_USE_VCLPLUGIN": "svp"}
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    env=env, start_new_session=True)
        except OSError as exc:
            raise ConversionError(f"cannot start LibreOffice ({self.executable}): "
                                  f"{exc.strerror}; {INSTALL_HINT}",
                                  zh="无法启动LibreOffice") from None
        try:
            _, err = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise ConversionError(f"{what}: LibreOffice took longer than {self.timeout:.0f} s "
                                  "and was stopped",
                                  zh=f"LibreOffice处理超过{self.timeout:.0f}秒，已停止") from None
        if proc.returncode != 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise ConversionError(f"{what}: LibreOffice failed (exit {proc.returncode}): "
                                  f"{detail[0]}",
                                  zh=f"LibreOffice运行失败（退出码{proc.returncode}）")
