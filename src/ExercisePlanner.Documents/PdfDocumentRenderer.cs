using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents.Composers;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Documents;

/// <summary>Renders the plan, memorandum and approval record as PDF with SkiaSharp's PDF backend.</summary>
public sealed class PdfDocumentRenderer : IDocumentRenderer
{
    public byte[] Render(DocumentKind kind, DocumentModel model) => (kind switch
    {
        DocumentKind.Plan => ExercisePlan.Compose(model),
        DocumentKind.Memorandum => Memorandum.Compose(model),
        _ => ApprovalRecord.Compose(model),
    }).Render();
}

public static class DocumentsRegistration
{
    public static IServiceCollection AddPdfDocuments(this IServiceCollection services) =>
        services.AddSingleton<IDocumentRenderer, PdfDocumentRenderer>();
}
