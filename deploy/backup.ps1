# Daily backup of UnionBot's database on Windows (docs/部署指南.md, section 8), for the Task Scheduler:
#   powershell -NoProfile -ExecutionPolicy Bypass -File C:\UnionBot\deploy\backup.ps1 -To D:\UnionBotBackup
# Writes unionbot-YYYY-MM-DD.db into the folder -To with UnionBot's own "backup" verb (a consistent copy while the
# bot runs) and deletes the copies older than -Keep days. Exits with UnionBot's exit code, so the Task Scheduler
# shows a failed run.
param(
    [Parameter(Mandatory = $true)][string]$To,
    [int]$Keep = 30
)

$exe = Join-Path (Split-Path $PSScriptRoot -Parent) 'UnionBot.exe'
$target = Join-Path $To ('unionbot-' + (Get-Date -Format 'yyyy-MM-dd') + '.db')
& $exe backup $target
$code = $LASTEXITCODE
if ($code -eq 0) {
    Get-ChildItem -Path $To -Filter 'unionbot-*.db' |
        Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-$Keep) } |
        Remove-Item
}
exit $code
