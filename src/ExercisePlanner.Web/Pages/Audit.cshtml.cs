using ExercisePlanner.Core.Features.Audit;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ExercisePlanner.Web.Pages;

[Authorize(Policy = WebSetup.AdminPolicy)]
public sealed class AuditModel(IMediator mediator) : PlannerPage(mediator)
{
    public AuditVerification Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await Mediator.Send(new VerifyAudit());
}
