using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactPerson = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CooperationSigned = table.Column<bool>(type: "INTEGER", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmployerJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Openings = table.Column<int>(type: "INTEGER", nullable: false),
                    Filled = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParentMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProposedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ArrangedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ArrangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ParentTookPart = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmployerTookPart = table.Column<bool>(type: "INTEGER", nullable: false),
                    SchoolTookPart = table.Column<bool>(type: "INTEGER", nullable: false),
                    CommunityTookPart = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    JobId = table.Column<long>(type: "INTEGER", nullable: true),
                    EntrustedGuardian = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FollowUpParentAtHome = table.Column<bool>(type: "INTEGER", nullable: true),
                    FollowUpCaring = table.Column<bool>(type: "INTEGER", nullable: true),
                    FollowUpNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FollowUpByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FollowUpAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    ConsultationId = table.Column<long>(type: "INTEGER", nullable: false),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false)
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
                        name: "FK_GuardianshipJobMatches_GuardianshipConsultations_ConsultationId",
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
