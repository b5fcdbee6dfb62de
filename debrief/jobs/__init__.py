"""Job functions, the runner that runs a Job row by kind, the arq worker settings, the
reconciler and the cron jobs. May import services, models, kit and the runtime."""
