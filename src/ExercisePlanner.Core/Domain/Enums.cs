using System.Text.Json.Serialization;

namespace ExercisePlanner.Core.Domain;

/// <summary>Exercise types as used in multinational training calendars.</summary>
public enum ExerciseType { CPX, FTX, LIVEX, TTX, CAX, HADR }

/// <summary>Ordered from least to most sensitive, so comparisons like "above UNCLASSIFIED" work.</summary>
public enum Classification
{
    [JsonStringEnumMemberName("UNCLASSIFIED")] Unclassified,
    [JsonStringEnumMemberName("RESTRICTED")] Restricted,
    [JsonStringEnumMemberName("CONFIDENTIAL")] Confidential,
    [JsonStringEnumMemberName("SECRET")] Secret,
}

public enum ParticipantRole
{
    [JsonStringEnumMemberName("host")] Host,
    [JsonStringEnumMemberName("lead")] Lead,
    [JsonStringEnumMemberName("participant")] Participant,
    [JsonStringEnumMemberName("observer")] Observer,
}

/// <summary>Concept development, initial, main and final planning conferences.</summary>
public enum ConferenceKind { CDC, IPC, MPC, FPC }

public enum ProposalStatus { Draft, Submitted, ChangesRequested, Approved, Rejected, Withdrawn }
