//! `portal user add` and `portal user list`: staff, approver and admin accounts from the
//! command line (the first admin is made here).

use crate::accounts::{Accounts, Role, flows, store};
use crate::config::Config;
use clap::Subcommand;
use std::io::BufRead;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Creates an account with one or more roles. Without --password-stdin a set-password link
    /// (valid 72 hours) is printed and e-mailed.
    Add {
        /// The person's e-mail address (their sign-in name).
        #[arg(long)]
        email: String,
        /// Full name.
        #[arg(long)]
        name: String,
        /// A role: reader, staff, approver or admin; repeat for several.
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Lists accounts with their roles and states.
    List,
}

pub async fn run(config: &Config, command: UserCommand) -> anyhow::Result<ExitCode> {
    let db = super::open_db(config).await?;
    let base = config
        .base_url
        .clone()
        .unwrap_or_else(|| "http://127.0.0.1:3000".to_string());
    let accounts = Accounts::from_config(db.clone(), config, &base)?;
    match command {
        UserCommand::Add {
            email,
            name,
            roles,
            password_stdin,
        } => {
            let mut parsed = Vec::new();
            for r in &roles {
                match Role::parse(r) {
                    Some(role) => parsed.push(role),
                    None => {
                        eprintln!(
                            "--role {r}: dùng reader, staff, approver hoặc admin (use reader, staff, approver or admin)"
                        );
                        return Ok(ExitCode::from(1));
                    }
                }
            }
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                Some(line.trim_end_matches(['\r', '\n']).to_string())
            } else {
                None
            };
            match flows::add_user(
                &accounts,
                None,
                &email,
                &name,
                &parsed,
                password.as_deref(),
                Some("cli"),
            )
            .await
            {
                Ok((id, invite)) => {
                    eprintln!("Đã tạo tài khoản #{id} {email} (account created)");
                    if let Some(link) = invite {
                        println!("{link}");
                        eprintln!(
                            "Đường dẫn đặt mật khẩu ở trên (có hiệu lực 72 giờ) cũng đã được gửi qua thư. (Set-password link above, valid 72 hours, also e-mailed.)"
                        );
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(flows::FlowError::Fields(list)) => {
                    for (field, message) in list {
                        eprintln!("--{}: {message}", field.replace('_', "-"));
                    }
                    Ok(ExitCode::from(1))
                }
                Err(e) => Err(anyhow::anyhow!("{e:#}")),
            }
        }
        UserCommand::List => {
            let now = crate::accounts::now();
            for a in store::all(&db).await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    a.id,
                    a.email,
                    store::roles_text(&a.roles),
                    a.state(now).as_str(),
                    if a.totp_secret.is_some() { "2fa" } else { "-" }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
