using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bishan.Workflow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class GuardianshipConsultation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Employers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Industry = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ContactPerson = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CooperationSigned = table.Column<bool>(type: "boolean", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmployerJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployerId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Openings = table.Column<int>(type: "integer", nullable: false),
                    Filled = table.Column<int>(type: "integer", nullable: false),
                    Open = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployerJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmployerJobs_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuardianshipConsultations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ParentMemberId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProposedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ArrangedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ArrangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ParentTookPart = table.Column<bool>(type: "boolean", nullable: false),
                    EmployerTookPart = table.Column<bool>(type: "boolean", nullable: false),
                    SchoolTookPart = table.Column<bool>(type: "boolean", nullable: false),
                    CommunityTookPart = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    JobId = table.Column<long>(type: "bigint", nullable: true),
                    EntrustedGuardian = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    OutcomeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FollowUpParentAtHome = table.Column<bool>(type: "boolean", nullable: true),
                    FollowUpCaring = table.Column<bool>(type: "boolean", nullable: true),
                    FollowUpNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FollowUpByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FollowUpAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuardianshipConsultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuardianshipConsultations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GuardianshipConsultations_EmployerJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "EmployerJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuardianshipJobMatches",
                columns: table => new
                {
                    ConsultationId = table.Column<long>(type: "bigint", nullable: false),
                    JobId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuardianshipJobMatches", x => new { x.ConsultationId, x.JobId });
                    table.ForeignKey(
                        name: "FK_GuardianshipJobMatches_EmployerJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "EmployerJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GuardianshipJobMatches_GuardianshipConsultations_Consultati~",
                        column: x => x.ConsultationId,
                        principalTable: "GuardianshipConsultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmployerJobs_EmployerId",
                table: "EmployerJobs",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_Employers_Name",
                table: "Employers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuardianshipConsultations_CaseId",
                table: "GuardianshipConsultations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_GuardianshipConsultations_InstanceId",
                table: "GuardianshipConsultations",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_GuardianshipConsultations_JobId",
                table: "GuardianshipConsultations",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_GuardianshipJobMatches_JobId",
                table: "GuardianshipJobMatches",
                column: "JobId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuardianshipJobMatches");

            migrationBuilder.DropTable(
                name: "GuardianshipConsultations");

            migrationBuilder.DropTable(
                name: "EmployerJobs");

            migrationBuilder.DropTable(
                name: "Employers");
        }
    }
}
