using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ExercisePlanner.Core.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    EntityType = table.Column<string>(type: "text", nullable: false),
                    EntityKey = table.Column<string>(type: "text", nullable: false),
                    Change = table.Column<string>(type: "text", nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "text", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Nations",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nations", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectKey = table.Column<string>(type: "text", nullable: false),
                    StepId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Nation = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Coordinator = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowDefinitions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "text", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    FirstLoadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowDefinitions", x => new { x.Id, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "WorkflowInstances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    SubjectKey = table.Column<string>(type: "text", nullable: false),
                    SubjectRevision = table.Column<int>(type: "integer", nullable: false),
                    StartedBy = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CurrentStageId = table.Column<string>(type: "text", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowInstances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Users_Nations_Nation",
                        column: x => x.Nation,
                        principalTable: "Nations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalNations",
                columns: table => new
                {
                    Nation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalNations", x => new { x.ProposalId, x.Nation });
                    table.ForeignKey(
                        name: "FK_ProposalNations_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    SubmittedBy = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalRevisions_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<int>(type: "integer", nullable: false),
                    SubjectKey = table.Column<string>(type: "text", nullable: false),
                    SubjectRevision = table.Column<int>(type: "integer", nullable: false),
                    StageIndex = table.Column<int>(type: "integer", nullable: false),
                    StageId = table.Column<string>(type: "text", nullable: false),
                    StageName = table.Column<string>(type: "text", nullable: false),
                    Nation = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    DecidedBy = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Assignee = table.Column<string>(type: "text", nullable: true),
                    EscalatedTo = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowSteps_WorkflowInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "WorkflowInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowTimers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StepId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: false),
                    FiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowTimers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowTimers_WorkflowSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "WorkflowSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Nations",
                columns: new[] { "Code", "Name" },
                values: new object[,]
                {
                    { "ABW", "Aruba" },
                    { "AFG", "Afghanistan" },
                    { "AGO", "Angola" },
                    { "AIA", "Anguilla" },
                    { "ALA", "Åland Islands" },
                    { "ALB", "Albania" },
                    { "AND", "Andorra" },
                    { "ARE", "United Arab Emirates" },
                    { "ARG", "Argentina" },
                    { "ARM", "Armenia" },
                    { "ASM", "American Samoa" },
                    { "ATA", "Antarctica" },
                    { "ATF", "French Southern Territories" },
                    { "ATG", "Antigua and Barbuda" },
                    { "AUS", "Australia" },
                    { "AUT", "Austria" },
                    { "AZE", "Azerbaijan" },
                    { "BDI", "Burundi" },
                    { "BEL", "Belgium" },
                    { "BEN", "Benin" },
                    { "BES", "Bonaire, Sint Eustatius and Saba" },
                    { "BFA", "Burkina Faso" },
                    { "BGD", "Bangladesh" },
                    { "BGR", "Bulgaria" },
                    { "BHR", "Bahrain" },
                    { "BHS", "Bahamas" },
                    { "BIH", "Bosnia and Herzegovina" },
                    { "BLM", "Saint Barthélemy" },
                    { "BLR", "Belarus" },
                    { "BLZ", "Belize" },
                    { "BMU", "Bermuda" },
                    { "BOL", "Bolivia" },
                    { "BRA", "Brazil" },
                    { "BRB", "Barbados" },
                    { "BRN", "Brunei Darussalam" },
                    { "BTN", "Bhutan" },
                    { "BVT", "Bouvet Island" },
                    { "BWA", "Botswana" },
                    { "CAF", "Central African Republic" },
                    { "CAN", "Canada" },
                    { "CCK", "Cocos (Keeling) Islands" },
                    { "CHE", "Switzerland" },
                    { "CHL", "Chile" },
                    { "CHN", "China" },
                    { "CIV", "Côte d'Ivoire" },
                    { "CMR", "Cameroon" },
                    { "COD", "Congo, Democratic Republic of the" },
                    { "COG", "Congo" },
                    { "COK", "Cook Islands" },
                    { "COL", "Colombia" },
                    { "COM", "Comoros" },
                    { "CPV", "Cabo Verde" },
                    { "CRI", "Costa Rica" },
                    { "CUB", "Cuba" },
                    { "CUW", "Curaçao" },
                    { "CXR", "Christmas Island" },
                    { "CYM", "Cayman Islands" },
                    { "CYP", "Cyprus" },
                    { "CZE", "Czechia" },
                    { "DEU", "Germany" },
                    { "DJI", "Djibouti" },
                    { "DMA", "Dominica" },
                    { "DNK", "Denmark" },
                    { "DOM", "Dominican Republic" },
                    { "DZA", "Algeria" },
                    { "ECU", "Ecuador" },
                    { "EGY", "Egypt" },
                    { "ERI", "Eritrea" },
                    { "ESH", "Western Sahara" },
                    { "ESP", "Spain" },
                    { "EST", "Estonia" },
                    { "ETH", "Ethiopia" },
                    { "FIN", "Finland" },
                    { "FJI", "Fiji" },
                    { "FLK", "Falkland Islands (Malvinas)" },
                    { "FRA", "France" },
                    { "FRO", "Faroe Islands" },
                    { "FSM", "Micronesia, Federated States of" },
                    { "GAB", "Gabon" },
                    { "GBR", "United Kingdom" },
                    { "GEO", "Georgia" },
                    { "GGY", "Guernsey" },
                    { "GHA", "Ghana" },
                    { "GIB", "Gibraltar" },
                    { "GIN", "Guinea" },
                    { "GLP", "Guadeloupe" },
                    { "GMB", "Gambia" },
                    { "GNB", "Guinea-Bissau" },
                    { "GNQ", "Equatorial Guinea" },
                    { "GRC", "Greece" },
                    { "GRD", "Grenada" },
                    { "GRL", "Greenland" },
                    { "GTM", "Guatemala" },
                    { "GUF", "French Guiana" },
                    { "GUM", "Guam" },
                    { "GUY", "Guyana" },
                    { "HKG", "Hong Kong" },
                    { "HMD", "Heard Island and McDonald Islands" },
                    { "HND", "Honduras" },
                    { "HRV", "Croatia" },
                    { "HTI", "Haiti" },
                    { "HUN", "Hungary" },
                    { "IDN", "Indonesia" },
                    { "IMN", "Isle of Man" },
                    { "IND", "India" },
                    { "IOT", "British Indian Ocean Territory" },
                    { "IRL", "Ireland" },
                    { "IRN", "Iran" },
                    { "IRQ", "Iraq" },
                    { "ISL", "Iceland" },
                    { "ISR", "Israel" },
                    { "ITA", "Italy" },
                    { "JAM", "Jamaica" },
                    { "JEY", "Jersey" },
                    { "JOR", "Jordan" },
                    { "JPN", "Japan" },
                    { "KAZ", "Kazakhstan" },
                    { "KEN", "Kenya" },
                    { "KGZ", "Kyrgyzstan" },
                    { "KHM", "Cambodia" },
                    { "KIR", "Kiribati" },
                    { "KNA", "Saint Kitts and Nevis" },
                    { "KOR", "Korea, Republic of" },
                    { "KWT", "Kuwait" },
                    { "LAO", "Lao People's Democratic Republic" },
                    { "LBN", "Lebanon" },
                    { "LBR", "Liberia" },
                    { "LBY", "Libya" },
                    { "LCA", "Saint Lucia" },
                    { "LIE", "Liechtenstein" },
                    { "LKA", "Sri Lanka" },
                    { "LSO", "Lesotho" },
                    { "LTU", "Lithuania" },
                    { "LUX", "Luxembourg" },
                    { "LVA", "Latvia" },
                    { "MAC", "Macao" },
                    { "MAF", "Saint Martin (French part)" },
                    { "MAR", "Morocco" },
                    { "MCO", "Monaco" },
                    { "MDA", "Moldova" },
                    { "MDG", "Madagascar" },
                    { "MDV", "Maldives" },
                    { "MEX", "Mexico" },
                    { "MHL", "Marshall Islands" },
                    { "MKD", "North Macedonia" },
                    { "MLI", "Mali" },
                    { "MLT", "Malta" },
                    { "MMR", "Myanmar" },
                    { "MNE", "Montenegro" },
                    { "MNG", "Mongolia" },
                    { "MNP", "Northern Mariana Islands" },
                    { "MOZ", "Mozambique" },
                    { "MRT", "Mauritania" },
                    { "MSR", "Montserrat" },
                    { "MTQ", "Martinique" },
                    { "MUS", "Mauritius" },
                    { "MWI", "Malawi" },
                    { "MYS", "Malaysia" },
                    { "MYT", "Mayotte" },
                    { "NAM", "Namibia" },
                    { "NCL", "New Caledonia" },
                    { "NER", "Niger" },
                    { "NFK", "Norfolk Island" },
                    { "NGA", "Nigeria" },
                    { "NIC", "Nicaragua" },
                    { "NIU", "Niue" },
                    { "NLD", "Netherlands" },
                    { "NOR", "Norway" },
                    { "NPL", "Nepal" },
                    { "NRU", "Nauru" },
                    { "NZL", "New Zealand" },
                    { "OMN", "Oman" },
                    { "PAK", "Pakistan" },
                    { "PAN", "Panama" },
                    { "PCN", "Pitcairn" },
                    { "PER", "Peru" },
                    { "PHL", "Philippines" },
                    { "PLW", "Palau" },
                    { "PNG", "Papua New Guinea" },
                    { "POL", "Poland" },
                    { "PRI", "Puerto Rico" },
                    { "PRK", "Korea, Democratic People's Republic of" },
                    { "PRT", "Portugal" },
                    { "PRY", "Paraguay" },
                    { "PSE", "Palestine, State of" },
                    { "PYF", "French Polynesia" },
                    { "QAT", "Qatar" },
                    { "REU", "Réunion" },
                    { "ROU", "Romania" },
                    { "RUS", "Russian Federation" },
                    { "RWA", "Rwanda" },
                    { "SAU", "Saudi Arabia" },
                    { "SDN", "Sudan" },
                    { "SEN", "Senegal" },
                    { "SGP", "Singapore" },
                    { "SGS", "South Georgia and the South Sandwich Islands" },
                    { "SHN", "Saint Helena, Ascension and Tristan da Cunha" },
                    { "SJM", "Svalbard and Jan Mayen" },
                    { "SLB", "Solomon Islands" },
                    { "SLE", "Sierra Leone" },
                    { "SLV", "El Salvador" },
                    { "SMR", "San Marino" },
                    { "SOM", "Somalia" },
                    { "SPM", "Saint Pierre and Miquelon" },
                    { "SRB", "Serbia" },
                    { "SSD", "South Sudan" },
                    { "STP", "Sao Tome and Principe" },
                    { "SUR", "Suriname" },
                    { "SVK", "Slovakia" },
                    { "SVN", "Slovenia" },
                    { "SWE", "Sweden" },
                    { "SWZ", "Eswatini" },
                    { "SXM", "Sint Maarten (Dutch part)" },
                    { "SYC", "Seychelles" },
                    { "SYR", "Syrian Arab Republic" },
                    { "TCA", "Turks and Caicos Islands" },
                    { "TCD", "Chad" },
                    { "TGO", "Togo" },
                    { "THA", "Thailand" },
                    { "TJK", "Tajikistan" },
                    { "TKL", "Tokelau" },
                    { "TKM", "Turkmenistan" },
                    { "TLS", "Timor-Leste" },
                    { "TON", "Tonga" },
                    { "TTO", "Trinidad and Tobago" },
                    { "TUN", "Tunisia" },
                    { "TUR", "Türkiye" },
                    { "TUV", "Tuvalu" },
                    { "TWN", "Taiwan" },
                    { "TZA", "Tanzania" },
                    { "UGA", "Uganda" },
                    { "UKR", "Ukraine" },
                    { "UMI", "United States Minor Outlying Islands" },
                    { "URY", "Uruguay" },
                    { "USA", "United States of America" },
                    { "UZB", "Uzbekistan" },
                    { "VAT", "Holy See" },
                    { "VCT", "Saint Vincent and the Grenadines" },
                    { "VEN", "Venezuela" },
                    { "VGB", "Virgin Islands (British)" },
                    { "VIR", "Virgin Islands (U.S.)" },
                    { "VNM", "Viet Nam" },
                    { "VUT", "Vanuatu" },
                    { "WLF", "Wallis and Futuna" },
                    { "WSM", "Samoa" },
                    { "YEM", "Yemen" },
                    { "ZAF", "South Africa" },
                    { "ZMB", "Zambia" },
                    { "ZWE", "Zimbabwe" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKey",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Code_Kind_Version",
                table: "Documents",
                columns: new[] { "Code", "Kind", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Nation_Role",
                table: "Notifications",
                columns: new[] { "Nation", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalNations_Nation_ProposalId",
                table: "ProposalNations",
                columns: new[] { "Nation", "ProposalId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRevisions_ProposalId_Number",
                table: "ProposalRevisions",
                columns: new[] { "ProposalId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Code",
                table: "Proposals",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_Name",
                table: "Users",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_Nation",
                table: "Users",
                column: "Nation");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_SubjectKey_SubjectRevision",
                table: "WorkflowInstances",
                columns: new[] { "SubjectKey", "SubjectRevision" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowSteps_InstanceId",
                table: "WorkflowSteps",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowSteps_Nation_Status_DueAt",
                table: "WorkflowSteps",
                columns: new[] { "Nation", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTimers_FiredAt_CancelledAt_DueAt",
                table: "WorkflowTimers",
                columns: new[] { "FiredAt", "CancelledAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTimers_StepId",
                table: "WorkflowTimers",
                column: "StepId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ProposalNations");

            migrationBuilder.DropTable(
                name: "ProposalRevisions");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "WorkflowDefinitions");

            migrationBuilder.DropTable(
                name: "WorkflowTimers");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "Nations");

            migrationBuilder.DropTable(
                name: "WorkflowSteps");

            migrationBuilder.DropTable(
                name: "WorkflowInstances");
        }
    }
}
