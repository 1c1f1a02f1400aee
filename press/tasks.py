from django_tasks import task

from press.distribution import send_distribution
from press.models import Distribution


@task()
def send_distribution_task(distribution_id):
    """Runs in the task worker (immediately in development and tests)."""
    result = send_distribution(Distribution.objects.get(pk=distribution_id))
    return {"sent": result.sent, "failed": result.failed, "skipped": result.skipped}
