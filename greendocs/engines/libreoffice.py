"""LibreOffice as the converter: PDF and Word 97 output, .doc/.wps input.

Optional at run time: without LibreOffice, these conversions raise
:class:`~greendocs.errors.ConversionError` saying how to install it. Each conversion runs
headless with a private profile folder (so concurrent runs never share state), a time
limit, and no restore or first-start dialogs; a batch is converted by one process.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

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


class LibreOffice:
    """A headless LibreOffice used for conversions."""

    def __init__(self, executable: str | None = None, timeout: float = 180) -> None:
        exe = executable or find_soffice()
        if exe is None:
            raise ConversionError(f"LibreOffice is not installed; {INSTALL_HINT}",
                                  zh="未安装LibreOffice")
        self.executable = exe
        self.timeout = timeout
        self._fonts: frozenset[str] | None = None  # installed families, once looked up

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
        """Convert *files* into *outdir* with one LibreOffice process; the new files' paths."""
        if target not in FILTERS:
            raise ConversionError(f"cannot convert to {target!r}; targets: "
                                  f"{', '.join(FILTERS)}")
        outdir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="greendocs-lo-profile-") as profile:
            user = Path(profile) / "user"
            user.mkdir()
            if self._fonts is None:
                found = installed_fonts()
                note = missing_font_note(found) if target == "pdf" else None
                if note:
                    warnings.warn(note, GreenDocsWarning, stacklevel=2)
                self._fonts = found or frozenset()
            (user / "registrymodifications.xcu").write_text(profile_settings(self._fonts),
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
